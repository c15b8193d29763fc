package web

import (
	"errors"
	"net/url"
	"testing"

	"github.com/parcproject/parc/collector/helpdesk"
)

// FuzzParseApprovalRequest: any posted request form is either refused
// with a message key, or gives a request with at least one target, each
// exactly one positive user or group id, a valid percentage and a bounded
// comment.
func FuzzParseApprovalRequest(f *testing.F) {
	for _, s := range []string{"", "user=3&min_percent=100&comment=please", "group=2&group=&user=-1",
		"user=1&min_percent=30", "user=9223372036854775808", "group=4&min_percent=50&min_percent=0", "user=%27+OR+1%3D1",
		"user=1&comment=" + url.QueryEscape("<script>alert(1)</script>")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		form, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		req, err := parseApprovalRequest(form, 7, 1)
		if err != nil {
			var in errApprovalInput
			if !errors.As(err, &in) || in.key == "" {
				t.Fatalf("got error %v; want a form error with its message key", err)
			}
			return
		}
		if len(req.Targets) == 0 || helpdesk.CheckMinPercent(req.MinPercent) != nil || len(req.Comment) > maxApprovalComment ||
			req.TicketID != 7 || req.RequestedBy != 1 {
			t.Fatalf("got request %+v from %q", req, raw)
		}
		for _, x := range req.Targets {
			if (x.UserID > 0) == (x.GroupID > 0) || x.UserID < 0 || x.GroupID < 0 {
				t.Fatalf("got target %+v from %q", x, raw)
			}
		}
	})
}
