package runner

import (
	"runtime"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/version"
)

// Program names written into every report.
const (
	ProviderName = "Parc-Agent"
	ProgramName  = "parc-agent"
)

// VersionClient is content.versionclient, "Parc-Agent_v<version>", shaped
// like GLPI Agent's "GLPI-Agent_v1.7" so the collector and GLPI recognise it.
func VersionClient() string { return ProviderName + "_v" + version.Version }

// Envelope wraps collected content into a computer inventory report: the
// action, item type, device ID and tag, plus who made it and when.
// start and end bound the collection; logdate is end in local time, as
// GLPI Agent writes it.
func Envelope(c inventory.Content, deviceID, tag string, start, end time.Time) inventory.Report {
	c.VersionClient = VersionClient()
	c.VersionProvider = &inventory.VersionProvider{
		Name:    ProviderName,
		Version: version.Version,
		Program: ProgramName,
		ETime:   int64(end.Sub(start).Round(time.Second) / time.Second),
		Comments: []string{
			"Go: " + runtime.Version(),
			"Commit: " + version.Commit(),
			"Platform: " + runtime.GOOS + "/" + runtime.GOARCH,
		},
	}
	c.AccessLog = &inventory.AccessLog{LogDate: end.Local().Format(time.DateTime)}
	return inventory.Report{
		Action:   inventory.ActionInventory,
		ItemType: inventory.ItemComputer,
		DeviceID: deviceID,
		Tag:      tag,
		Content:  c,
	}
}
