import Header from '@cloudscape-design/components/header';

export default function PlanDetail() {
  return <Header variant="h1">PlanDetail</Header>;
}
