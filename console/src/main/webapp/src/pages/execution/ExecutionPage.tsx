import Header from '@cloudscape-design/components/header';

export default function ExecutionPage() {
  return <Header variant="h1">ExecutionPage</Header>;
}
