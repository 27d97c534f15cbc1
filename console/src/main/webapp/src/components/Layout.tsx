import AppLayout from '@cloudscape-design/components/app-layout';
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { Suspense, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import Spinner from '@cloudscape-design/components/spinner';
import { useSession } from '../auth/AuthContext';

function navigation(admin: boolean): SideNavigationProps.Item[] {
  const items: SideNavigationProps.Item[] = [
    { type: 'link', text: 'Dashboard', href: '/' },
    { type: 'link', text: 'Protection groups', href: '/protection-groups' },
    { type: 'link', text: 'Recovery plans', href: '/recovery-plans' },
    { type: 'link', text: 'Executions', href: '/executions' },
    { type: 'divider' },
    { type: 'link', text: 'Notifications', href: '/notifications' },
    { type: 'link', text: 'Subscriptions', href: '/subscriptions' },
  ];
  if (admin) {
    items.push({ type: 'link', text: 'Audit trail', href: '/audit' });
  }
  return items;
}

/** The frame of every page: the header with the signed-in user, the side navigation, and the page. */
export function Layout({ environment }: { environment?: string }) {
  const { identity, can, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const active = '/' + (location.pathname.split('/')[1] ?? '');
  return (
    <>
      <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopNavigation
          identity={{
            href: '/',
            title: environment ? `DRS Orchestrator · ${environment}` : 'DRS Orchestrator',
            onFollow: (e) => {
              e.preventDefault();
              navigate('/');
            },
          }}
          utilities={[
            {
              type: 'menu-dropdown',
              text: identity.username,
              description: identity.roles.length ? `roles: ${identity.roles.join(', ')}` : 'no role: read nothing',
              iconName: 'user-profile',
              items: [{ id: 'signout', text: 'Sign out' }],
              onItemClick: (e) => {
                if (e.detail.id === 'signout') {
                  signOut();
                }
              },
            },
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        toolsHide
        navigation={
          <SideNavigation
            activeHref={active}
            header={{ text: 'Recovery', href: '/' }}
            items={navigation(can('admin'))}
            onFollow={(e) => {
              if (!e.detail.external) {
                e.preventDefault();
                navigate(e.detail.href);
              }
            }}
          />
        }
        content={
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        }
      />
    </>
  );
}

export function PageLoading({ children }: { children?: ReactNode }) {
  return (
    <div role="status" aria-live="polite" style={{ padding: 32 }}>
      <Spinner size="large" /> {children ?? 'Loading…'}
    </div>
  );
}
