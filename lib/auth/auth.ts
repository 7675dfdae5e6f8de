import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { clientIp } from '@/lib/http';
import { verifyCredentials } from './service';

class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
}

/** Auth.js (next-auth v5) with email + password and JWT sessions. */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
  pages: { signIn: '/sign-in' },
  logger: {
    // A failed sign-in is an expected outcome, not an error with a stack trace.
    error(error) {
      if (error.name === 'CredentialsSignin') return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const db = await getDb();
        const result = await verifyCredentials(db, credentials, clientIp(request.headers));
        if (result.ok) return result.user;
        if (result.reason === 'throttled') throw new ThrottledSignin();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      return session;
    },
  },
});
