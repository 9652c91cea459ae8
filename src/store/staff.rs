//! Staff accounts and their console sign-in sessions.
