package collect

import (
	"reflect"

	"github.com/parcproject/parc/pkg/inventory"
)

// mergeContent adds src's sections to dst: lists are appended, and an
// object section (hardware, bios, operatingsystem) is merged field by field,
// a field already set in dst winning. Collectors run in name order, so the
// result is deterministic.
func mergeContent(dst, src *inventory.Content) {
	mergeStruct(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem())
}

func mergeStruct(dst, src reflect.Value) {
	for i := 0; i < dst.NumField(); i++ {
		d, s := dst.Field(i), src.Field(i)
		if !d.CanSet() || s.IsZero() {
			continue
		}
		switch d.Kind() {
		case reflect.Slice:
			if d.Type().Elem().Kind() == reflect.Uint8 { // json.RawMessage
				if d.Len() == 0 {
					d.Set(s)
				}
				continue
			}
			d.Set(reflect.AppendSlice(d, s))
		case reflect.Pointer:
			if d.IsNil() {
				d.Set(s)
			} else if d.Elem().Kind() == reflect.Struct {
				mergeStruct(d.Elem(), s.Elem())
			}
		case reflect.Map:
			if d.IsNil() {
				d.Set(reflect.MakeMap(d.Type()))
			}
			for _, k := range s.MapKeys() {
				if !d.MapIndex(k).IsValid() {
					d.SetMapIndex(k, s.MapIndex(k))
				}
			}
		default:
			if d.IsZero() {
				d.Set(s)
			}
		}
	}
}
