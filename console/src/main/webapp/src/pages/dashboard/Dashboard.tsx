import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { listPlans } from '../../api/plans';
import { useLoad } from '../../components/useLoad';
import { PLAN_CAP } from './data';
import { AccountsSection, NotReadySection } from './InventorySections';
import { LastDrillsSection, PreflightSection } from './PlanSections';
import { RunningSection } from './RunningSection';

/** What a DR engineer checks first: what runs now, how the last drills went, what would stop a recovery. */
export default function Dashboard() {
  const plans = useLoad(() => listPlans({ max: PLAN_CAP }), []);
  return (
    <SpaceBetween size="l">
      <Header variant="h1" description="Executions running now, the last drills, and what would stop a recovery">
        Dashboard
      </Header>
      <RunningSection />
      <Grid gridDefinition={[{ colspan: { default: 12, m: 6 } }, { colspan: { default: 12, m: 6 } }]}>
        <LastDrillsSection plans={plans} />
        <PreflightSection plans={plans} />
      </Grid>
      <Grid gridDefinition={[{ colspan: { default: 12, m: 6 } }, { colspan: { default: 12, m: 6 } }]}>
        <AccountsSection />
        <NotReadySection />
      </Grid>
    </SpaceBetween>
  );
}
