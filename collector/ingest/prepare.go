package ingest

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// prepared is the work on a report that needs no database: every section
// encoded, hashed and split into items, the software list normalised. It
// is done before the transaction, in the request's goroutine: on SQLite
// every write transaction runs on one goroutine, so whatever runs there
// bounds the reports per second, and this work runs beside it instead.
type prepared struct {
	rep      *inventory.Report
	sections []preparedSection
	software *preparedSoftware // nil when the report has no software to write
	// monitorsHash is the monitors section's hash ("" when not written).
	monitorsHash string
}

// preparedSection is one component section with its hash and items.
type preparedSection struct {
	name  string
	list  bool
	hash  string
	items []item
}

// preparedSoftware is the normalised, deduplicated installed software.
type preparedSoftware struct {
	hash  string
	want  map[installKey]store.Installation // FirstSeen is set in the transaction
	order []installKey                      // report order, for history rows
}

// prepare does a report's database-free work.
func prepare(rep *inventory.Report, norm *park.Normaliser) (*prepared, error) {
	p := &prepared{rep: rep}
	secs, err := prepareSections(rep)
	if err != nil {
		return nil, err
	}
	p.sections = secs
	if p.software, err = prepareSoftware(rep, norm); err != nil {
		return nil, err
	}
	if mons := rep.Content.Monitors; !(mons == nil && rep.Partial) && !keepSection(rep, "monitors") {
		data, err := json.Marshal(mons)
		if err != nil {
			return nil, fmt.Errorf("encode monitors: %w", err)
		}
		p.monitorsHash = hashOf(data)
	}
	return p, nil
}

// prepareSections encodes, hashes and splits every component section.
func prepareSections(rep *inventory.Report) ([]preparedSection, error) {
	var out []preparedSection
	for _, s := range sectionsOf(&rep.Content) {
		data, err := json.Marshal(s.value.Interface())
		if err != nil {
			return nil, fmt.Errorf("encode %s: %w", s.name, err)
		}
		items, err := itemsOf(s)
		if err != nil {
			return nil, err
		}
		out = append(out, preparedSection{name: s.name, list: s.list, hash: hashOf(data), items: items})
	}
	return out, nil
}

// prepareSoftware normalises the software list; nil when the report's
// software must not be written (a partial report without it, or a failed
// collector).
func prepareSoftware(rep *inventory.Report, norm *park.Normaliser) (*preparedSoftware, error) {
	sws := rep.Content.Softwares
	if (sws == nil && rep.Partial) || keepSection(rep, "softwares") {
		return nil, nil
	}
	data, err := json.Marshal(sws)
	if err != nil {
		return nil, fmt.Errorf("encode softwares: %w", err)
	}
	p := &preparedSoftware{hash: hashOf(data), want: make(map[installKey]store.Installation, len(sws))}
	for _, s := range sws {
		name, pub, ver := norm.Software(s.Name, s.Publisher, s.Version)
		if name == "" {
			continue
		}
		k := installKey{store.SoftwareKey{Name: name, Publisher: pub, Version: ver}, strings.TrimSpace(s.Arch)}
		if _, dup := p.want[k]; dup {
			continue
		}
		p.want[k] = store.Installation{Arch: k.arch, InstallDate: s.InstallDate, Source: s.From, SoftwareKey: k.SoftwareKey}
		p.order = append(p.order, k)
	}
	return p, nil
}

// preparedFor returns the prepared work of the writer's report, preparing
// it now if the writer's report is not the one prepared (a caller may
// write a modified copy of it).
func (w *writer) preparedFor() (*prepared, error) {
	if w.prep != nil && w.prep.rep == w.rep {
		return w.prep, nil
	}
	p, err := prepare(w.rep, w.in.norm)
	if err != nil {
		return nil, err
	}
	w.prep = p
	return p, nil
}
