package ingest

import (
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// keepSection says whether a section absent from a full report must be
// kept as stored rather than emptied: Parc agents list their collectors in
// content.parc.collectors, and a section whose collector failed this time
// (as opposed to finding no data) is missing by accident. Wiping a PC's
// software list because dpkg's status file was being rewritten would be
// wrong. Collector names are the section name, optionally followed by
// "_source" (softwares_dpkg).
func keepSection(rep *inventory.Report, section string) bool {
	if rep.Content.Parc == nil {
		return false
	}
	for _, run := range rep.Content.Parc.Collectors {
		if run.Error == "" || run.NoData {
			continue
		}
		if run.Name == section || strings.HasPrefix(run.Name, section+"_") {
			return true
		}
	}
	return false
}
