package collect

import (
	"github.com/go-ole/go-ole"
)

// variantValue converts a property VARIANT to the Go forms documented on
// WMI: signed integers as int64, unsigned as uint64, strings (including
// CIM_UINT64 and CIM_DATETIME, which WMI's scripting API gives as BSTR),
// bool, float64, and arrays as []string or []int64. Embedded objects and
// other types come back as nil. The caller still clears v.
func variantValue(v *ole.VARIANT) any {
	if v.VT&ole.VT_ARRAY != 0 {
		return arrayValue(v)
	}
	switch v.VT {
	case ole.VT_EMPTY, ole.VT_NULL:
		return nil
	case ole.VT_BSTR:
		return v.ToString()
	case ole.VT_BOOL:
		return v.Val&0xffff != 0
	case ole.VT_R4, ole.VT_R8:
		switch f := v.Value().(type) {
		case float32:
			return float64(f)
		case float64:
			return f
		}
		return nil
	}
	return scalarValue(v.Value())
}

// scalarValue normalises the integer types go-ole returns.
func scalarValue(x any) any {
	switch n := x.(type) {
	case int8:
		return int64(n)
	case int16:
		return int64(n)
	case int32:
		return int64(n)
	case int64:
		return n
	case int:
		return int64(n)
	case uint8:
		return uint64(n)
	case uint16:
		return uint64(n)
	case uint32:
		return uint64(n)
	case uint64:
		return n
	case uint:
		return uint64(n)
	case string:
		return n
	case bool:
		return n
	case float32:
		return float64(n)
	case float64:
		return n
	}
	return nil
}

// arrayValue converts a one-dimensional SAFEARRAY. The array memory stays
// owned by the VARIANT; VariantClear frees it, so it is not destroyed here.
func arrayValue(v *ole.VARIANT) any {
	if v.Val == 0 {
		return nil
	}
	sac := v.ToArray()
	if sac == nil {
		return nil
	}
	vt, err := sac.GetType()
	if err != nil {
		return nil
	}
	switch ole.VT(vt) {
	case ole.VT_BSTR:
		return sac.ToStringArray()
	case ole.VT_VARIANT, ole.VT_I1, ole.VT_I2, ole.VT_I4, ole.VT_I8,
		ole.VT_UI1, ole.VT_UI2, ole.VT_UI4, ole.VT_UI8:
	default:
		// go-ole copies a VT_BOOL element (2 bytes) into a 1-byte Go bool,
		// overwriting memory: never hand it such an array. No inventoried
		// property is a boolean array.
		return nil
	}
	elems := sac.ToValueArray()
	var ss []string
	var ns []int64
	for _, e := range elems {
		switch x := scalarValue(e).(type) {
		case string:
			ss = append(ss, x)
		case int64:
			ns = append(ns, x)
		case uint64:
			ns = append(ns, int64(x))
		default:
			return nil // mixed or embedded objects: not used by the collectors
		}
	}
	switch {
	case ss != nil && ns != nil:
		return nil
	case ss != nil:
		return ss
	case ns != nil:
		return ns
	}
	return []string{}
}
