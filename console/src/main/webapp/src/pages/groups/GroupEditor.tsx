import Header from '@cloudscape-design/components/header';

export default function GroupEditor() {
  return <Header variant="h1">GroupEditor</Header>;
}
