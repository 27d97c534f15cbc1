import Header from '@cloudscape-design/components/header';

export default function PlanEditor() {
  return <Header variant="h1">PlanEditor</Header>;
}
