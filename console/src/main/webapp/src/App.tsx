import { lazy, useEffect, useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router-dom';
import { Layout } from './components/Layout';

// One chunk per page: a page's code is loaded when it is first opened (docs/console.md has the sizes).
const Dashboard = lazy(() => import('./pages/dashboard/Dashboard'));
const GroupsList = lazy(() => import('./pages/groups/GroupsList'));
const GroupEditor = lazy(() => import('./pages/groups/GroupEditor'));
const PlansList = lazy(() => import('./pages/plans/PlansList'));
const PlanDetail = lazy(() => import('./pages/plans/PlanDetail'));
const PlanEditor = lazy(() => import('./pages/plans/PlanEditor'));
const ExecutionsList = lazy(() => import('./pages/history/ExecutionsList'));
const ExecutionPage = lazy(() => import('./pages/execution/ExecutionPage'));
const ReportPage = lazy(() => import('./pages/history/ReportPage'));
const Notifications = lazy(() => import('./pages/history/Notifications'));
const Subscriptions = lazy(() => import('./pages/history/Subscriptions'));
const Audit = lazy(() => import('./pages/history/Audit'));

export function routes(environment?: string): RouteObject[] {
  return [
    {
      element: <Layout environment={environment} />,
      children: [
        { path: '/', element: <Dashboard /> },
        { path: '/protection-groups', element: <GroupsList /> },
        { path: '/protection-groups/new', element: <GroupEditor /> },
        { path: '/protection-groups/:id', element: <GroupEditor /> },
        { path: '/recovery-plans', element: <PlansList /> },
        { path: '/recovery-plans/new', element: <PlanEditor /> },
        { path: '/recovery-plans/:id', element: <PlanDetail /> },
        { path: '/recovery-plans/:id/edit', element: <PlanEditor /> },
        { path: '/executions', element: <ExecutionsList /> },
        { path: '/executions/:id', element: <ExecutionPage /> },
        { path: '/executions/:id/report', element: <ReportPage /> },
        { path: '/notifications', element: <Notifications /> },
        { path: '/subscriptions', element: <Subscriptions /> },
        { path: '/audit', element: <Audit /> },
        { path: '/callback', element: <Navigate to="/" replace /> },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ];
}

export function App({ environment, initialPath }: { environment?: string; initialPath?: string }) {
  // One router for the app's life; after a sign-in, back to where the user was going.
  const [router] = useState(() => createBrowserRouter(routes(environment)));
  useEffect(() => {
    if (initialPath) {
      void router.navigate(initialPath, { replace: true });
    }
  }, [router, initialPath]);
  return <RouterProvider router={router} />;
}
