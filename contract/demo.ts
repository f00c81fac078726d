/** Every demo-school staff member signs in with this password; the sign-in screen says so. */
export const DEMO_PASSWORD = 'demo-school';
