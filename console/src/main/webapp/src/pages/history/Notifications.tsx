import Header from '@cloudscape-design/components/header';

export default function Notifications() {
  return <Header variant="h1">Notifications</Header>;
}
