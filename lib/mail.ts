import { getEnv } from './env';
import { log } from './log';

/**
 * Sends a plain-text email when SMTP_URL is configured; otherwise does nothing and returns
 * false (the UI then shows the link to copy). Never throws: a mail failure must not undo the
 * change that triggered it.
 */
export async function sendMail(msg: { to: string; subject: string; text: string }): Promise<boolean> {
  const env = getEnv();
  if (!env.SMTP_URL) return false;
  try {
    const nodemailer = await import('nodemailer');
    const transport = nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, ...msg });
    return true;
  } catch (error) {
    log('warn', 'mail.failed', { to: msg.to, error: error instanceof Error ? error.message : 'unknown' });
    return false;
  }
}
