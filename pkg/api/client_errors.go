package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// NetError means the collector could not be reached or the exchange broke
// off: nothing is known about whether the request arrived. Retry later.
type NetError struct {
	Server string // collector base URL
	Err    error
}

// Error says which collector could not be reached and why.
func (e *NetError) Error() string {
	return fmt.Sprintf("cannot reach the collector at %s: %v", e.Server, rootCause(e.Err))
}

// Unwrap returns the underlying transport error.
func (e *NetError) Unwrap() error { return e.Err }

// rootCause drops net/url's "Post \"https://...\":" prefix, which repeats
// the server, keeping the reason ("connection refused", "no such host").
func rootCause(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		return ue.Err
	}
	return err
}

// StatusError is an answer outside 2xx, with the collector's error body.
type StatusError struct {
	Path       string        // API path, e.g. PathInventory
	StatusCode int           // HTTP status, e.g. 422
	Body       Error         // decoded error body; Body.Error holds raw text if it was not JSON
	RetryAfter time.Duration // from the Retry-After header, 0 when absent
}

// Error gives the status, the collector's message and the first invalid fields.
func (e *StatusError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "collector answered %s with %d %s", e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Body.Error != "" {
		fmt.Fprintf(&b, ": %s", e.Body.Error)
	}
	for i, f := range e.Body.Fields {
		if i == 5 {
			fmt.Fprintf(&b, "; and %d more fields", len(e.Body.Fields)-i)
			break
		}
		fmt.Fprintf(&b, "; %s: %s", f.Field, f.Reason)
	}
	return b.String()
}

// Retryable says whether the same request may succeed later: server errors,
// 408 Request Timeout and 429 Too Many Requests. Any other 4xx is a refusal
// that resending will not change.
func (e *StatusError) Retryable() bool {
	return e.StatusCode >= 500 || e.StatusCode == http.StatusRequestTimeout || e.StatusCode == http.StatusTooManyRequests
}

// Unauthorized says whether the token was refused (revoked or unknown).
func (e *StatusError) Unauthorized() bool { return e.StatusCode == http.StatusUnauthorized }

// IsRetryable says whether err is worth retrying later: a network error or
// a retryable StatusError.
func IsRetryable(err error) bool {
	var ne *NetError
	if errors.As(err, &ne) {
		return true
	}
	var se *StatusError
	return errors.As(err, &se) && se.Retryable()
}

func newStatusError(path string, resp *http.Response, data []byte) *StatusError {
	e := &StatusError{Path: path, StatusCode: resp.StatusCode, RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())}
	if err := json.Unmarshal(data, &e.Body); err != nil || e.Body.Error == "" && len(e.Body.Fields) == 0 {
		e.Body = Error{Error: strings.TrimSpace(truncate(string(data), 300))}
	}
	return e
}

// maxRetryAfter caps what a collector can ask for, so a bad header cannot
// silence an agent for years.
const (
	maxRetryAfter        = 24 * time.Hour
	maxRetryAfterSeconds = 24 * 3600
)

// parseRetryAfter reads either delay-seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return min(time.Duration(min(n, maxRetryAfterSeconds))*time.Second, maxRetryAfter)
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), maxRetryAfter)
	}
	return 0
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
