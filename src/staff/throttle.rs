//! [`LoginThrottle`]: failed console sign-ins, counted per account name and
//! per client address, so neither one account nor one address can be used to
//! guess passwords for long. In memory only: a restart forgives everyone,
//! which costs an attacker a restart they cannot cause.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

/// Names and addresses tracked before forgotten ones are swept away.
const SWEEP_AT: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// Folded to lowercase so `Anna` and `anna` share one count.
    Name(String),
    Address(IpAddr),
}

/// Failed sign-ins per name and per address: after `attempts` failures within
/// `window`, sign-in is refused for `window`. The lock guards one map
/// operation at a time and is never held across an await.
#[derive(Debug)]
pub struct LoginThrottle {
    attempts: usize,
    window: Duration,
    failures: Mutex<HashMap<Key, VecDeque<Instant>>>,
}

impl LoginThrottle {
    pub fn new(attempts: u32, window: Duration) -> LoginThrottle {
        LoginThrottle {
            attempts: usize::try_from(attempts.max(1)).unwrap_or(usize::MAX),
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Lets a sign-in attempt go ahead, or says how long until one may.
    ///
    /// The attempt is counted as failed from the start and forgiven by
    /// [`LoginThrottle::forgive`], so many guesses sent at once cannot all
    /// slip in before the first is counted.
    pub fn admit(&self, name: &str, address: IpAddr) -> Result<(), Duration> {
        let now = Instant::now();
        let keys = [Key::Name(name.to_lowercase()), Key::Address(address)];
        let mut failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        if failures.len() >= SWEEP_AT {
            failures.retain(|_, times| {
                self.forget_old(times, now);
                !times.is_empty()
            });
        }
        let mut wait = Duration::ZERO;
        for key in &keys {
            if let Some(times) = failures.get_mut(key) {
                self.forget_old(times, now);
                wait = wait.max(self.locked_for(times, now));
            }
        }
        if !wait.is_zero() {
            return Err(wait);
        }
        for key in keys {
            failures.entry(key).or_default().push_back(now);
        }
        Ok(())
    }

    /// Forgives an admitted attempt that succeeded (or could not be checked):
    /// the name starts afresh, and the address loses this one attempt (not
    /// its others, or one valid account would let an address guess at every
    /// other).
    pub fn forgive(&self, name: &str, address: IpAddr) {
        let mut failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        failures.remove(&Key::Name(name.to_lowercase()));
        if let Some(times) = failures.get_mut(&Key::Address(address)) {
            times.pop_back();
            if times.is_empty() {
                failures.remove(&Key::Address(address));
            }
        }
    }

    /// Drops failures that no longer count: outside the window, or all of
    /// them once a lock-out has run its course.
    fn forget_old(&self, times: &mut VecDeque<Instant>, now: Instant) {
        if times.len() >= self.attempts {
            if times.back().is_some_and(|last| now >= *last + self.window) {
                times.clear();
            }
            return;
        }
        while times
            .front()
            .is_some_and(|first| now >= *first + self.window)
        {
            times.pop_front();
        }
    }

    /// How long sign-in stays refused: a window from the failure that reached
    /// the limit (no failure is added while refused, so that is the last).
    fn locked_for(&self, times: &VecDeque<Instant>, now: Instant) -> Duration {
        match times.back() {
            Some(last) if times.len() >= self.attempts => (*last + self.window) - now,
            _ => Duration::ZERO,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));
    const AWAY: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 2));
    const WINDOW: Duration = Duration::from_secs(600);

    #[tokio::test(start_paused = true)]
    async fn a_name_is_refused_for_the_window_after_too_many_failures() {
        let throttle = LoginThrottle::new(3, WINDOW);
        for address in [HOME, AWAY, HOME] {
            assert!(throttle.admit("anna", address).is_ok());
        }
        let wait = throttle.admit("ANNA", AWAY).unwrap_err();
        assert_eq!(wait, WINDOW, "case does not give a name more tries");
        assert!(
            throttle.admit("ben", AWAY).is_ok(),
            "other names are not locked"
        );
        tokio::time::advance(WINDOW - Duration::from_secs(1)).await;
        assert_eq!(throttle.admit("anna", AWAY), Err(Duration::from_secs(1)));
        tokio::time::advance(Duration::from_secs(1)).await;
        assert!(throttle.admit("anna", AWAY).is_ok(), "the lock-out ends");
    }

    #[tokio::test(start_paused = true)]
    async fn an_address_is_refused_after_failures_on_many_names() {
        let throttle = LoginThrottle::new(3, WINDOW);
        for name in ["anna", "ben", "cai"] {
            assert!(throttle.admit(name, HOME).is_ok());
        }
        assert!(throttle.admit("dewi", HOME).is_err());
        assert!(throttle.admit("dewi", AWAY).is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn failures_older_than_the_window_are_forgotten_and_success_forgives() {
        let throttle = LoginThrottle::new(3, WINDOW);
        throttle.admit("anna", HOME).unwrap();
        throttle.admit("anna", HOME).unwrap();
        tokio::time::advance(WINDOW).await;
        throttle.admit("anna", HOME).unwrap();
        throttle.admit("anna", HOME).unwrap();
        throttle.forgive("anna", HOME);
        throttle.admit("anna", AWAY).unwrap();
        throttle.admit("anna", AWAY).unwrap();
        assert!(
            throttle.admit("anna", AWAY).is_ok(),
            "the success cleared the name's two failures"
        );
        assert!(throttle.admit("anna", HOME).is_err());
        throttle.admit("ben", HOME).unwrap();
        throttle.admit("cai", HOME).unwrap();
        assert!(
            throttle.admit("dewi", HOME).is_err(),
            "the address kept its other failure"
        );
    }
}
