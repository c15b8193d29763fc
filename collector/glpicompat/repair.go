package glpicompat

import (
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// repair makes an older agent's report valid rather than refusing it
// whole: a field whose value breaks a rule is cleared, and a list item
// missing a required field is dropped. Parc's own agent never needs this;
// its reports are refused with 400 instead. It returns the validation
// error left, if any (e.g. no deviceid).
func repair(rep *inventory.Report) error {
	if rep.Content.VersionClient == "" {
		rep.Content.VersionClient = "unknown"
	}
	for pass := 0; pass < 3; pass++ {
		err := rep.Validate()
		var ve *inventory.ValidationError
		if !errors.As(err, &ve) {
			return err
		}
		fixed := false
		// Back to front, so removing an item keeps earlier indexes valid.
		for i := len(ve.Errors) - 1; i >= 0; i-- {
			fe := ve.Errors[i]
			if fixPath(reflect.ValueOf(rep).Elem(), fe.Field, fe.Reason == "is required") {
				fixed = true
			}
		}
		if !fixed {
			return err
		}
	}
	return rep.Validate()
}

var reSegment = regexp.MustCompile(`^([a-z0-9_]+)(?:\[(\d+)\])?$`)

// fixPath clears the field at a validation path such as
// "content.softwares[3].install_date", or drops the list item when the
// field is required.
func fixPath(v reflect.Value, path string, required bool) bool {
	segs := strings.Split(path, ".")
	var list reflect.Value // the last slice walked through
	listIdx := -1
	var obj reflect.Value // the last optional object walked into
	for i, seg := range segs {
		m := reSegment.FindStringSubmatch(seg)
		if m == nil {
			return false
		}
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return false
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			return false
		}
		f, ok := fieldByJSON(v, m[1])
		if !ok {
			return false
		}
		if m[2] != "" {
			idx, _ := strconv.Atoi(m[2])
			if f.Kind() != reflect.Slice || idx >= f.Len() {
				return false
			}
			list, listIdx = f, idx
			v = f.Index(idx)
			continue
		}
		if i == len(segs)-1 {
			if required {
				if !list.IsValid() {
					if !obj.IsValid() {
						return false
					}
					obj.Set(reflect.Zero(obj.Type())) // drop the object missing a required field
					return true
				}
				list.Set(reflect.AppendSlice(list.Slice(0, listIdx), list.Slice(listIdx+1, list.Len())))
				return true
			}
			f.Set(reflect.Zero(f.Type()))
			return true
		}
		if f.Kind() == reflect.Pointer {
			obj = f
		}
		v = f
	}
	return false
}
