import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { PluginNav } from '../components/PluginNav';

import { ProtectedClientsPage } from './ClientsPage';
import { FirstSectionRedirect } from './FirstSectionRedirect';
import { ProtectedSessionsPage } from './SessionsPage';
import { ProtectedSettingsPage } from './SettingsPage';

const App = () => (
  <Layouts.Root sideNav={<PluginNav />}>
    <Routes>
      <Route index element={<FirstSectionRedirect />} />
      <Route path="clients" element={<ProtectedClientsPage />} />
      <Route path="sessions" element={<ProtectedSessionsPage />} />
      <Route path="settings" element={<ProtectedSettingsPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Layouts.Root>
);

export default App;
