import Header from '@cloudscape-design/components/header';

export default function PlansList() {
  return <Header variant="h1">PlansList</Header>;
}
