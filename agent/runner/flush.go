package runner

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/agent/state"
	"github.com/parcproject/parc/pkg/api"
)

// ErrNotEnrolled means the agent has no token and no secret to get one.
var ErrNotEnrolled = errors.New("this agent has not enrolled: set enroll_secret (agent.yaml, PARC_ENROLL_SECRET or --enroll-secret) to the site secret printed by `parc-collector enroll-secret`")

// enrollError is a failed enrolment: whatever the collector answered, it
// says nothing about the report being sent, which must not be rejected.
type enrollError struct{ err error }

func (e *enrollError) Error() string { return "enrol: " + e.err.Error() }
func (e *enrollError) Unwrap() error { return e.err }

// flush sends the spool oldest first and stops at the first report that
// cannot be delivered now, so the collector receives reports in the order
// they were made. It waits for the backoff unless force is set.
func (r *Runner) flush(ctx context.Context, force bool) error {
	if r.client == nil {
		return nil
	}
	if !force && !r.backoff.Ready(r.now()) {
		return nil
	}
	items, err := r.spool.List()
	if err != nil {
		return err
	}
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.sendOne(ctx, it); err != nil {
			return err
		}
	}
	return nil
}

// sendOne delivers one spooled report. It returns nil when the report left
// the spool (accepted, or refused for good and moved to rejected/), and the
// error when it stays there to be retried.
func (r *Runner) sendOne(ctx context.Context, it spool.Item) error {
	body, err := r.spool.Read(it)
	if err != nil {
		return err
	}
	var resp *api.InventoryResponse
	err = r.withToken(ctx, func(token string) error {
		var err error
		resp, err = r.client.SendInventory(ctx, token, it.ID, body)
		return err
	})
	var se *api.StatusError
	var ee *enrollError
	switch {
	case err == nil:
		r.backoff.Success()
		if err := r.spool.Remove(it); err != nil {
			return err
		}
		if err := r.store.UpdateStatus(func(s *state.Status) { s.LastSent = r.now() }); err != nil {
			r.log.Warn("cannot save state", "err", err)
		}
		r.log.Info("report delivered", "report", it.ID, "kind", it.Kind, "asset_id", resp.AssetID, "duplicate", resp.Duplicate)
		return nil
	case errors.As(err, &ee) && !api.IsRetryable(err):
		// The report is fine; the agent's credential is not. Keep it.
		wait := r.backoff.Failure(r.now(), 0)
		err = fmt.Errorf("%w; the report stays in %s and will be retried in %s", err, r.spool.Dir(), roundWait(wait))
		r.log.Error("report not delivered", "err", err)
		r.recordError(err)
		return err
	case errors.As(err, &se) && !se.Retryable() && !se.Unauthorized():
		return r.rejected(it, se)
	case api.IsRetryable(err):
		var retryAfter time.Duration
		if se != nil {
			retryAfter = se.RetryAfter
		}
		wait := r.backoff.Failure(r.now(), retryAfter)
		err = fmt.Errorf("%w; the report is spooled in %s and will be retried in %s", err, r.spool.Dir(), roundWait(wait))
		r.log.Warn("report not delivered", "err", err)
		r.recordError(err)
		return err
	default:
		wait := r.backoff.Failure(r.now(), 0)
		err = fmt.Errorf("%w; the report stays in %s and will be retried in %s", err, r.spool.Dir(), roundWait(wait))
		r.log.Error("report not delivered", "err", err)
		r.recordError(err)
		return err
	}
}

// rejected handles a report the collector refused for good: it is kept in
// rejected/ for the administrator, and since the collector now misses what
// it held, the next report is made full.
func (r *Runner) rejected(it spool.Item, se *api.StatusError) error {
	fields := make([]string, 0, len(se.Body.Fields))
	for _, f := range se.Body.Fields {
		fields = append(fields, f.Field+": "+f.Reason)
	}
	r.log.Error("the collector refused the report; it is kept in the spool's rejected directory and will not be resent",
		"report", it.ID, "status", se.StatusCode, "error", se.Body.Error, "fields", fields)
	r.recordError(fmt.Errorf("report %s refused: %w", it.ID, se))
	if err := r.spool.Reject(it, se.Error()); err != nil {
		return err
	}
	r.mu.Lock()
	r.forceFull = true
	r.mu.Unlock()
	return r.store.SaveChecksums(nil)
}

// withToken calls fn with the agent's token, enrolling first when there is
// none, and once more when the collector refuses the token (revoked, or
// the collector's database was reset) and a secret is configured.
func (r *Runner) withToken(ctx context.Context, fn func(token string) error) error {
	token, err := r.token(ctx)
	if err != nil {
		return err
	}
	err = fn(token)
	var se *api.StatusError
	if !errors.As(err, &se) || !se.Unauthorized() {
		return err
	}
	if r.cfg.EnrollSecret == "" {
		return fmt.Errorf("%w; the collector refused this agent's token (revoked?): set enroll_secret to enrol again", err)
	}
	r.log.Warn("the collector refused the token; enrolling again")
	if err := r.store.SaveToken(""); err != nil {
		return err
	}
	if token, err = r.token(ctx); err != nil {
		return err
	}
	return fn(token)
}

// token returns the stored token, or enrols to get one. A token obtained
// from another collector than the configured one is not used.
func (r *Runner) token(ctx context.Context) (string, error) {
	id, err := r.store.Identity()
	if err != nil {
		return "", err
	}
	token, err := r.store.Token()
	if err != nil {
		return "", err
	}
	if token != "" && (id.Server == "" || id.Server == r.client.Server()) {
		return token, nil
	}
	if r.cfg.EnrollSecret == "" {
		return "", ErrNotEnrolled
	}
	resp, err := r.client.Enroll(ctx, api.EnrollRequest{
		Secret: r.cfg.EnrollSecret, DeviceID: r.deviceID, Hostname: shortHost(r.hostname), Tag: r.cfg.Tag,
	})
	if err != nil {
		return "", &enrollError{err}
	}
	id.DeviceID, id.AgentID, id.Server = r.deviceID, resp.AgentID, r.client.Server()
	if err := r.store.SaveToken(resp.Token); err != nil {
		return "", err
	}
	if err := r.store.SaveIdentity(id); err != nil {
		return "", err
	}
	r.log.Info("enrolled", "agent_id", resp.AgentID, "server", r.client.Server())
	return resp.Token, nil
}

// roundWait prints a wait the way a person reads it: "5m0s", "1.5s", "20ms".
func roundWait(d time.Duration) time.Duration {
	if d >= time.Second {
		return d.Round(time.Second)
	}
	return d.Round(time.Millisecond)
}
