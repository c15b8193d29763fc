package api

import (
	"net/http"
	"testing"
	"time"
)

// FuzzStatusError feeds arbitrary error bodies and Retry-After values to
// the client's error decoding: it must never panic, and the message must
// stay printable.
func FuzzStatusError(f *testing.F) {
	f.Add(422, `{"error":"invalid inventory","fields":[{"field":"deviceid","reason":"is required"}]}`, "")
	f.Add(503, "upstream down", "120")
	f.Add(429, `{"error":""}`, "Mon, 23 Nov 2026 10:00:30 GMT")
	f.Fuzz(func(t *testing.T, code int, body, retryAfter string) {
		resp := &http.Response{StatusCode: code, Header: http.Header{"Retry-After": {retryAfter}}}
		e := newStatusError(PathInventory, resp, []byte(body))
		_ = e.Error()
		if e.RetryAfter < 0 {
			t.Fatalf("negative Retry-After %v", e.RetryAfter)
		}
		_ = parseRetryAfter(retryAfter, time.Now())
	})
}
