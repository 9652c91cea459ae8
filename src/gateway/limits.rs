//! Message rate limits: a token bucket per conversation, and one per client
//! address shared by every conversation from it.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};

use tokio::time::Instant;

/// Addresses tracked before idle (full) buckets are swept away.
const SWEEP_AT: usize = 10_000;

/// Allows `burst` messages at once, refilled at `per_minute`.
pub(crate) struct RateLimit {
    capacity: f64,
    per_second: f64,
    tokens: f64,
    refilled_at: Instant,
}

impl RateLimit {
    pub(crate) fn new(burst: u32, per_minute: u32) -> RateLimit {
        let capacity = f64::from(burst.max(1));
        RateLimit {
            capacity,
            per_second: f64::from(per_minute) / 60.0,
            tokens: capacity,
            refilled_at: Instant::now(),
        }
    }

    fn refill(&mut self) {
        let now = Instant::now();
        let elapsed = now.duration_since(self.refilled_at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.capacity);
        self.refilled_at = now;
    }

    /// Takes one message's token; `false` when the resident must slow down.
    pub(crate) fn take(&mut self) -> bool {
        self.refill();
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Buckets per client address. The lock guards one map operation at a time.
pub(crate) struct AddressLimits {
    buckets: Mutex<HashMap<IpAddr, RateLimit>>,
    burst: u32,
    per_minute: u32,
}

impl AddressLimits {
    pub(crate) fn new(burst: u32, per_minute: u32) -> AddressLimits {
        AddressLimits {
            buckets: Mutex::new(HashMap::new()),
            burst,
            per_minute,
        }
    }

    /// Takes one message's token for `address`.
    pub(crate) fn take(&self, address: IpAddr) -> bool {
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        if buckets.len() >= SWEEP_AT {
            buckets.retain(|_, bucket| {
                bucket.refill();
                bucket.tokens < bucket.capacity
            });
        }
        buckets
            .entry(address)
            .or_insert_with(|| RateLimit::new(self.burst, self.per_minute))
            .take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test(start_paused = true)]
    async fn allows_a_burst_then_refills_over_time() {
        let mut limit = RateLimit::new(3, 30);
        assert!((0..3).all(|_| limit.take()));
        assert!(!limit.take(), "the fourth message in a burst is refused");
        tokio::time::advance(Duration::from_secs(2)).await;
        assert!(
            limit.take(),
            "30 a minute refills one token every two seconds"
        );
        assert!(!limit.take());
    }
}
