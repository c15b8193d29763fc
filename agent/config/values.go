package config

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Jitter is a random spread added to a wait: either a fraction of the
// interval ("10%") or a fixed duration ("5m").
type Jitter struct {
	Fraction float64       // 0.1 for "10%"
	Fixed    time.Duration // used when Fraction is 0
}

// Max is the largest jitter for an interval.
func (j Jitter) Max(interval time.Duration) time.Duration {
	if j.Fraction > 0 {
		return time.Duration(float64(interval) * j.Fraction)
	}
	return j.Fixed
}

// Random returns a uniform random jitter in [0, Max(interval)].
func (j Jitter) Random(interval time.Duration) time.Duration {
	m := j.Max(interval)
	if m <= 0 {
		return 0
	}
	return rand.N(m + 1)
}

// Apply returns interval plus Random(interval).
func (j Jitter) Apply(interval time.Duration) time.Duration {
	return interval + j.Random(interval)
}

// String gives the jitter back in the form it is written.
func (j Jitter) String() string {
	if j.Fraction > 0 {
		return strconv.FormatFloat(j.Fraction*100, 'f', -1, 64) + "%"
	}
	return j.Fixed.String()
}

func parseJitter(s string) (Jitter, error) {
	s = strings.TrimSpace(s)
	if p, ok := strings.CutSuffix(s, "%"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || f < 0 || f > 100 {
			return Jitter{}, fmt.Errorf("want a percentage between 0%% and 100%% or a duration such as \"10%%\" or \"5m\", got %q", s)
		}
		return Jitter{Fraction: f / 100}, nil
	}
	d, err := parseDuration(s)
	if err != nil {
		return Jitter{}, fmt.Errorf("want a percentage or a duration such as \"10%%\" or \"5m\", got %q", s)
	}
	return Jitter{Fixed: d}, nil
}

// parseDuration is time.ParseDuration plus a "d" unit (24h), since "7d" is
// how people write a week of full-inventory age.
func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "0" {
		return 0, nil
	}
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.ParseFloat(n, 64)
		if err != nil || days < 0 {
			return 0, fmt.Errorf("bad duration %q", s)
		}
		return time.Duration(days * float64(24*time.Hour)), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("bad duration %q", s)
	}
	return d, nil
}

// formatDuration prints whole days as "7d", and other durations as Go does
// without zero units: "1h", "1h30m", "45s".
func formatDuration(d time.Duration) string {
	if d > 0 && d%(24*time.Hour) == 0 {
		return strconv.FormatInt(int64(d/(24*time.Hour)), 10) + "d"
	}
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

var byteUnits = []struct {
	suffix string
	mult   int64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
	{"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1},
}

// parseBytes reads "64MiB", "500MB", "1G" or a plain number of bytes.
func parseBytes(s string) (int64, error) {
	s = strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range byteUnits {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = strings.TrimSpace(n), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "on", "1":
		return true, nil
	case "false", "no", "off", "0", "":
		return false, nil
	}
	return false, fmt.Errorf("bad boolean %q", s)
}
