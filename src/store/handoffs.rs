//! Handoffs: residents waiting for or talking with staff.
