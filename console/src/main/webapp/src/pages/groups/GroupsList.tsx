import Header from '@cloudscape-design/components/header';

export default function GroupsList() {
  return <Header variant="h1">GroupsList</Header>;
}
