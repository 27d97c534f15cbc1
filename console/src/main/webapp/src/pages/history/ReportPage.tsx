import Header from '@cloudscape-design/components/header';

export default function ReportPage() {
  return <Header variant="h1">ReportPage</Header>;
}
