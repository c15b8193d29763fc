package runner

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// metaKeys are content keys that describe the report rather than the
// machine; they are in every report and have no checksum.
var metaKeys = map[string]bool{"versionclient": true, "versionprovider": true, "accesslog": true, "parc": true}

// identityKeys are the sections GLPI needs to match a partial report to its
// asset (uuid, serial, name); GLPI's own partial examples always carry
// them, so every partial report does too, whether they changed or not.
var identityKeys = []string{"hardware", "bios"}

// sections splits content into its sections' JSON, without the meta keys.
func sections(c *inventory.Content) (map[string]json.RawMessage, error) {
	data, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("encode content: %w", err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("split content: %w", err)
	}
	for k := range metaKeys {
		delete(m, k)
	}
	return m, nil
}

// canonical is the JSON a checksum is taken of: compact, and for a list the
// elements sorted, so that a collector listing the same packages in another
// order does not make the section look changed.
func canonical(raw json.RawMessage) ([]byte, error) {
	var list []json.RawMessage
	if len(raw) > 0 && raw[0] == '[' {
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, err
		}
		elems := make([]string, len(list))
		for i, e := range list {
			var b bytes.Buffer
			if err := json.Compact(&b, e); err != nil {
				return nil, err
			}
			elems[i] = b.String()
		}
		sort.Strings(elems)
		return []byte("[" + strings.Join(elems, ",") + "]"), nil
	}
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Checksums returns the SHA-256 (hex) of each section's canonical JSON,
// keyed by the section's JSON name ("softwares", "bios"...).
func Checksums(c *inventory.Content) (map[string]string, error) {
	secs, err := sections(c)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(secs))
	for k, raw := range secs {
		cj, err := canonical(raw)
		if err != nil {
			return nil, fmt.Errorf("checksum %s: %w", k, err)
		}
		sum := sha256.Sum256(cj)
		out[k] = hex.EncodeToString(sum[:])
	}
	return out, nil
}

// Partial returns the partial content to send given the checksums of the
// last report handed over (prev) and of this one (cur): the meta keys, the
// identity sections and the sections whose checksum changed, and the names
// of those changed sections. ok is false when a partial cannot say what
// changed: there is no previous report, or a section disappeared (in GLPI's
// partial semantics an absent section is left untouched, so only a full
// report can empty it). Then the whole content must be sent.
func Partial(c inventory.Content, cur, prev map[string]string) (out inventory.Content, changed []string, ok bool, err error) {
	if len(prev) == 0 {
		return c, nil, false, nil
	}
	for k := range prev {
		if _, still := cur[k]; !still {
			return c, nil, false, nil
		}
	}
	for k, sum := range cur {
		if prev[k] != sum {
			changed = append(changed, k)
		}
	}
	slices.Sort(changed)

	data, err := json.Marshal(&c)
	if err != nil {
		return c, nil, false, fmt.Errorf("encode content: %w", err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return c, nil, false, fmt.Errorf("split content: %w", err)
	}
	for k := range m {
		if !metaKeys[k] && !slices.Contains(identityKeys, k) && !slices.Contains(changed, k) {
			delete(m, k)
		}
	}
	data, err = json.Marshal(m)
	if err != nil {
		return c, nil, false, fmt.Errorf("encode partial: %w", err)
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return c, nil, false, fmt.Errorf("decode partial: %w", err)
	}
	return out, changed, true, nil
}

// Built is a report ready to spool, with the checksums of all its sections
// (to store once it is spooled) and the sections a partial report carries
// because they changed.
type Built struct {
	Report    inventory.Report
	Checksums map[string]string
	Changed   []string
}

// Build turns a complete report into what to send: a partial report of the
// changed sections when prev (the checksums of the last report handed
// over) allows one, else the full report. Either way content.parc.checksums
// lists every section's checksum, for the collector to diff.
func Build(rep inventory.Report, prev map[string]string) (Built, error) {
	cur, err := Checksums(&rep.Content)
	if err != nil {
		return Built{}, err
	}
	part, changed, ok, err := Partial(rep.Content, cur, prev)
	if err != nil {
		return Built{}, err
	}
	if ok {
		rep.Content, rep.Partial = part, true
	}
	parc := inventory.ParcExtension{SchemaVersion: inventory.SchemaVersion}
	if rep.Content.Parc != nil {
		parc = *rep.Content.Parc
	}
	parc.Checksums = cur
	rep.Content.Parc = &parc
	return Built{Report: rep, Checksums: cur, Changed: changed}, nil
}
