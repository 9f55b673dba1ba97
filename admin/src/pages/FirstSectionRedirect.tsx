import { Page } from '@strapi/strapi/admin';
import { Navigate } from 'react-router-dom';

import { useSectionAccess } from '../hooks/useSectionAccess';

/** Sends the plugin's root URL on to the first page the admin may read. */
export const FirstSectionRedirect = () => {
  const access = useSectionAccess();

  if (access.isLoading) {
    return <Page.Loading />;
  }
  if (access.canReadClients) {
    return <Navigate to="clients" replace />;
  }
  if (access.canReadSessions) {
    return <Navigate to="sessions" replace />;
  }
  if (access.canReadSettings) {
    return <Navigate to="settings" replace />;
  }
  return <Page.NoPermissions />;
};
