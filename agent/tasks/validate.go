package tasks

import (
	"fmt"
	"strconv"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// Bounds of a task's fields.
const (
	maxTaskIDLen  = 100
	maxTimeoutMS  = 60000
	maxRetries    = 10
	maxWorkers    = 1024
	maxCreds      = 32
	defaultInvCon = 8 // hosts inventoried at once when the task says 0
)

// Validate checks a task before it runs and names the field at fault.
func Validate(t api.Task) error {
	if t.ID == "" || len(t.ID) > maxTaskIDLen {
		return fmt.Errorf("id: want 1 to %d characters, got %d", maxTaskIDLen, len(t.ID))
	}
	if t.Kind != api.TaskNetDiscovery && t.Kind != api.TaskNetInventory {
		return fmt.Errorf("kind: want %s or %s, got %q", api.TaskNetDiscovery, api.TaskNetInventory, t.Kind)
	}
	if len(t.Targets) == 0 {
		return fmt.Errorf("targets: want at least one address or range")
	}
	if t.Kind == api.TaskNetDiscovery {
		if _, err := snmp.ParseTargets(t.Targets); err != nil {
			return fmt.Errorf("targets: %w", err)
		}
	} else if _, err := inventoryHosts(t.Targets); err != nil {
		return fmt.Errorf("targets: %w", err)
	}
	if len(t.Credentials) == 0 || len(t.Credentials) > maxCreds {
		return fmt.Errorf("credentials: want 1 to %d, got %d", maxCreds, len(t.Credentials))
	}
	for i, c := range t.Credentials {
		if err := c.Validate(); err != nil {
			// c.Validate names no secret, only what is wrong.
			return fmt.Errorf("credentials[%d]: %w", i, err)
		}
	}
	if t.Port < 0 || t.Port > 65535 {
		return fmt.Errorf("port: want 1 to 65535 (0 for 161), got %d", t.Port)
	}
	if t.TimeoutMillis < 0 || t.TimeoutMillis > maxTimeoutMS {
		return fmt.Errorf("timeout_ms: want 0 to %d, got %d", maxTimeoutMS, t.TimeoutMillis)
	}
	if t.Retries < 0 || t.Retries > maxRetries {
		return fmt.Errorf("retries: want 0 to %d, got %d", maxRetries, t.Retries)
	}
	if t.Workers < 0 || t.Workers > maxWorkers {
		return fmt.Errorf("workers: want 0 to %d, got %d", maxWorkers, t.Workers)
	}
	return nil
}

// jobID is the task ID as the reports' jobid when it is a number, as the
// collector's run IDs are.
func jobID(taskID string) int64 {
	n, err := strconv.ParseInt(taskID, 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}
