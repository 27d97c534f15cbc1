import Header from '@cloudscape-design/components/header';

export default function Dashboard() {
  return <Header variant="h1">Dashboard</Header>;
}
