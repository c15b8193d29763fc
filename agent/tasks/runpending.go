package tasks

import "context"

// RunPending runs the queued tasks (received at this contact, or left by
// an earlier start) one after the other, then delivers their reports and
// ends: `parc-agent run --once` runs its network tasks before it exits
// instead of leaving them for the next daemon start. It returns the
// delivery error, if any; what was not delivered stays spooled for the
// next start.
func (m *Manager) RunPending(ctx context.Context) error {
	for j := m.next(); j != nil; j = m.next() {
		m.execute(ctx, j)
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return m.deliver(ctx)
}
