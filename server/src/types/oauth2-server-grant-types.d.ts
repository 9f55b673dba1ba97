// The library exports only AbstractGrantType from its index; the built-in grant types are
// reached by path so that ours can extend them. Their shapes are declared here.
declare module '@node-oauth/oauth2-server/lib/grant-types/password-grant-type' {
  import type { Client, Request, Token, User } from '@node-oauth/oauth2-server';

  class PasswordGrantType {
    constructor(options: Record<string, unknown>);
    model: any;
    handle(request: Request, client: Client): Promise<Token>;
    getScope(request: Request): string[] | undefined;
    getUser(request: Request, client: Client): Promise<User>;
    validateScope(user: User, client: Client, scope: string[] | undefined): Promise<string[]>;
    generateAccessToken(client: Client, user: User, scope: string[] | undefined): Promise<string>;
    generateRefreshToken(client: Client, user: User, scope: string[] | undefined): Promise<string>;
    getAccessTokenExpiresAt(): Date;
    getRefreshTokenExpiresAt(): Date;
    saveToken(user: User, client: Client, scope: string[] | undefined): Promise<Token>;
  }
  export = PasswordGrantType;
}

declare module '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type' {
  import type { Client, RefreshToken, Request, Token, User } from '@node-oauth/oauth2-server';

  class RefreshTokenGrantType {
    constructor(options: Record<string, unknown>);
    model: any;
    handle(request: Request, client: Client): Promise<Token>;
    getRefreshToken(request: Request, client: Client): Promise<RefreshToken>;
    getScope(request: Request, token: RefreshToken): string[] | undefined;
    revokeToken(token: RefreshToken): Promise<RefreshToken>;
    generateAccessToken(client: Client, user: User, scope: string[] | undefined): Promise<string>;
    generateRefreshToken(client: Client, user: User, scope: string[] | undefined): Promise<string>;
    getAccessTokenExpiresAt(): Date;
    saveToken(user: User, client: Client, scope: string[] | undefined): Promise<Token>;
  }
  export = RefreshTokenGrantType;
}

declare module '@node-oauth/formats' {
  export function vschar(value: string): boolean;
}
