import accessToken from './access-token/schema.json';
import client from './client/schema.json';
import refreshToken from './refresh-token/schema.json';
import tokenFamily from './token-family/schema.json';

export default {
  client: { schema: client },
  'token-family': { schema: tokenFamily },
  'refresh-token': { schema: refreshToken },
  'access-token': { schema: accessToken },
};
