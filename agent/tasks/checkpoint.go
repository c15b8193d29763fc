package tasks

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/parcproject/parc/agent/state"
)

// A task interrupted by the agent stopping runs again at the next start;
// its checkpoint lets it go on from where it stopped instead of reading
// every device again: a discovery records how many addresses it has swept
// (whole chunks, whose reports are spooled), an inventory the hosts it has
// read or given up on. The reports spooled before the stop stay in the
// spool, so nothing is lost by skipping them.

// checkpointFileName is the checkpoint of a task directory.
const checkpointFileName = "checkpoint.json"

// checkpoint is how far a task got.
type checkpoint struct {
	// Swept is the addresses of a discovery swept so far, in target order.
	Swept int `json:"swept,omitempty"`
	// Hosts are the inventory's hosts already read or given up on.
	Hosts []string `json:"hosts,omitempty"`
	// Found counts the devices reported so far.
	Found int `json:"found,omitempty"`
	// Failures are the inventory's reasons so far, for the task's error.
	Failures []string `json:"failures,omitempty"`
}

// loadCheckpoint returns the task's checkpoint, empty when it has none (a
// first start, or an unreadable file: the task then starts over).
func (d *taskDir) loadCheckpoint() checkpoint {
	var c checkpoint
	data, err := os.ReadFile(filepath.Join(d.path, checkpointFileName))
	if err == nil && json.Unmarshal(data, &c) != nil {
		c = checkpoint{}
	}
	return c
}

// saveCheckpoint records c; a failure only costs work at the next start.
func (d *taskDir) saveCheckpoint(c checkpoint) error {
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return state.WriteFile(filepath.Join(d.path, checkpointFileName), data, 0o600)
}
