import { AlertOptions } from './AlertOptions';
import { CodeSignIn } from './CodeSignIn';
import { MailtoSites } from './MailtoSites';
import { ShortcutOptions } from './ShortcutOptions';
import { SignIn } from './SignIn';

export function OptionsPage() {
  return (
    <div className="options">
      <header className="panel__header">
        <h1 className="panel__title">Leadside settings</h1>
      </header>
      <main className="panel__main">
        <CodeSignIn />
        <SignIn />
        <MailtoSites />
        <ShortcutOptions />
        <AlertOptions />
      </main>
    </div>
  );
}
