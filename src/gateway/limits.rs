//! Per-conversation message rate limit: a token bucket.

use tokio::time::Instant;

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

    /// Takes one message's token; `false` when the resident must slow down.
    pub(crate) fn take(&mut self) -> bool {
        let now = Instant::now();
        let elapsed = now.duration_since(self.refilled_at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.capacity);
        self.refilled_at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
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
