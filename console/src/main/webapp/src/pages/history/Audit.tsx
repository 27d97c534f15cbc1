import Header from '@cloudscape-design/components/header';

export default function Audit() {
  return <Header variant="h1">Audit</Header>;
}
