import Header from '@cloudscape-design/components/header';

export default function Subscriptions() {
  return <Header variant="h1">Subscriptions</Header>;
}
