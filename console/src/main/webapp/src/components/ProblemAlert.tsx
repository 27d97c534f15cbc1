import Alert from '@cloudscape-design/components/alert';
import { ApiProblem, describe } from '../api/problem';

/**
 * An error from an API as the user needs it: the problem's title and detail, and every field it names (a form also
 * shows each next to its field). Nothing when there is no error.
 */
export function ProblemAlert({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) {
    return null;
  }
  const { title, detail } = describe(error);
  const errors = error instanceof ApiProblem ? error.errors : [];
  return (
    <Alert type="error" header={title} dismissible={!!onDismiss} onDismiss={onDismiss} data-testid="problem">
      {detail}
      {errors.length > 0 && (
        <ul>
          {errors.map((e) => (
            <li key={`${e.field}:${e.reason}`}>
              <code>{e.field}</code>: {e.reason}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
