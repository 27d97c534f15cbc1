import Header from '@cloudscape-design/components/header';

export default function ExecutionsList() {
  return <Header variant="h1">ExecutionsList</Header>;
}
