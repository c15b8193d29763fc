package collect

import (
	"errors"
	"fmt"
	"strings"

	"github.com/go-ole/go-ole"
	"github.com/go-ole/go-ole/oleutil"
)

// wmiSession is the COM side of the WMI worker: the SWbemLocator and one
// SWbemServices per namespace, all owned by the worker's thread.

const (
	wbemFlagReturnImmediately = 0x10
	wbemFlagForwardOnly       = 0x20

	hrSFalse = 0x00000001 // CoInitializeEx: COM already initialised on this thread

	wbemAuthnLevelPktPrivacy = 6 // BitLocker's namespace refuses anything weaker
	wbemImpLevelImpersonate  = 3
)

// WMI and COM result codes that mean "not here" rather than "broken": the
// class or namespace does not exist on this edition (SecurityCenter2 on
// Windows Server, MicrosoftVolumeEncryption without BitLocker) or the
// agent lacks the right. Collectors report them as ErrNoData.
var wmiAbsentCodes = map[uint32]string{
	0x80041002: "not found",
	0x80041003: "access denied",
	0x8004100C: "not supported",
	0x8004100E: "invalid namespace",
	0x80041010: "invalid class",
	0x80070005: "access denied",
}

type wmiSession struct {
	locator  *ole.IDispatch
	services map[string]*ole.IDispatch // lower-case namespace -> SWbemServices
}

func openWMISession() (wmiExecutor, error) {
	if err := ole.CoInitializeEx(0, ole.COINIT_MULTITHREADED); err != nil && wmiCode(err) != hrSFalse {
		return nil, fmt.Errorf("initialise COM: %w", err)
	}
	unk, err := oleutil.CreateObject("WbemScripting.SWbemLocator")
	if err != nil {
		ole.CoUninitialize()
		return nil, fmt.Errorf("create SWbemLocator: %w", err)
	}
	defer unk.Release()
	locator, err := unk.QueryInterface(ole.IID_IDispatch)
	if err != nil {
		ole.CoUninitialize()
		return nil, fmt.Errorf("SWbemLocator IDispatch: %w", err)
	}
	// Best effort: without it only BitLocker's namespace is refused, which
	// the drives collector already treats as "no data".
	if sec, err := oleutil.GetProperty(locator, "Security_"); err == nil {
		if d := sec.ToIDispatch(); d != nil {
			clearVariant(oleutil.PutProperty(d, "AuthenticationLevel", int32(wbemAuthnLevelPktPrivacy)))
			clearVariant(oleutil.PutProperty(d, "ImpersonationLevel", int32(wbemImpLevelImpersonate)))
		}
		sec.Clear()
	}
	return &wmiSession{locator: locator, services: map[string]*ole.IDispatch{}}, nil
}

func clearVariant(v *ole.VARIANT, _ error) {
	if v != nil {
		v.Clear()
	}
}

func (s *wmiSession) close() {
	for _, svc := range s.services {
		svc.Release()
	}
	s.locator.Release()
	ole.CoUninitialize()
}

func (s *wmiSession) service(namespace string) (*ole.IDispatch, error) {
	key := strings.ToLower(namespace)
	if svc, ok := s.services[key]; ok {
		return svc, nil
	}
	// "." is the local machine. (A nil server, VT_NULL, is refused with
	// DISP_E_TYPEMISMATCH by some SWbemLocator implementations.)
	v, err := oleutil.CallMethod(s.locator, "ConnectServer", ".", namespace)
	if err != nil {
		return nil, err
	}
	svc := v.ToIDispatch()
	if svc == nil {
		vt := v.VT
		v.Clear()
		return nil, fmt.Errorf("ConnectServer returned a variant of type %d", vt)
	}
	// The variant's reference now belongs to the map; close releases it.
	s.services[key] = svc
	return svc, nil
}

// query runs one WQL query with a forward-only, semi-synchronous
// enumerator: rows stream as WMI produces them and none are cached.
func (s *wmiSession) query(namespace, query string) (rows []map[string]any, err error) {
	defer func() {
		if p := recover(); p != nil {
			rows, err = nil, fmt.Errorf("wmi %s %q: panic: %v", namespace, query, p)
		}
	}()
	svc, err := s.service(namespace)
	if err != nil {
		return nil, wmiError(namespace, query, err)
	}
	res, err := oleutil.CallMethod(svc, "ExecQuery", query, "WQL", int32(wbemFlagReturnImmediately|wbemFlagForwardOnly))
	if err != nil {
		return nil, wmiError(namespace, query, err)
	}
	defer res.Clear()
	set := res.ToIDispatch()
	if set == nil {
		return nil, fmt.Errorf("wmi %s %q: ExecQuery returned a variant of type %d", namespace, query, res.VT)
	}
	names, _ := wmiSelectList(query)
	rows = []map[string]any{}
	err = forEachVariant(set, func(item *ole.VARIANT) error {
		obj := item.ToIDispatch()
		if obj == nil {
			return nil
		}
		r, err := readWMIObject(obj, names)
		if err != nil {
			return err
		}
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		return nil, wmiError(namespace, query, err)
	}
	return rows, nil
}

// readWMIObject reads the named properties of an SWbemObject, or all of
// them when the query gave no list, through its Properties_ collection
// (Properties_.Item works in every implementation; the object's own
// dispatch members and Properties_' enumerator do not in Wine).
func readWMIObject(obj *ole.IDispatch, names []string) (map[string]any, error) {
	pv, err := oleutil.GetProperty(obj, "Properties_")
	if err != nil {
		return nil, fmt.Errorf("Properties_: %w", err)
	}
	defer pv.Clear()
	props := pv.ToIDispatch()
	if props == nil {
		return nil, fmt.Errorf("Properties_ is a variant of type %d", pv.VT)
	}
	if len(names) > 0 {
		out := make(map[string]any, len(names))
		for _, name := range names {
			out[name] = readWMIProperty(props, name)
		}
		return out, nil
	}
	out := map[string]any{}
	err = forEachVariant(props, func(item *ole.VARIANT) error {
		prop := item.ToIDispatch()
		if prop == nil {
			return nil
		}
		nv, err := oleutil.GetProperty(prop, "Name")
		if err != nil {
			return fmt.Errorf("property name: %w", err)
		}
		name := nv.ToString()
		nv.Clear()
		vv, err := oleutil.GetProperty(prop, "Value")
		if err != nil {
			return fmt.Errorf("property %s: %w", name, err)
		}
		out[name] = variantValue(vv)
		vv.Clear()
		return nil
	})
	return out, err
}

// readWMIProperty reads Properties_.Item(name).Value. A property the
// object lacks reads as nil, like a property WMI left empty.
func readWMIProperty(props *ole.IDispatch, name string) any {
	pv, err := oleutil.CallMethod(props, "Item", name)
	if err != nil {
		return nil
	}
	defer pv.Clear()
	prop := pv.ToIDispatch()
	if prop == nil {
		return nil
	}
	v, err := oleutil.GetProperty(prop, "Value")
	if err != nil {
		return nil
	}
	defer v.Clear()
	return variantValue(v)
}

// forEachVariant walks a COM collection through its IEnumVARIANT. Each item
// is cleared (released) after f returns, so f must not keep it.
func forEachVariant(coll *ole.IDispatch, f func(*ole.VARIANT) error) error {
	ev, err := coll.GetProperty("_NewEnum")
	if err != nil {
		return fmt.Errorf("_NewEnum: %w", err)
	}
	defer ev.Clear()
	unk := ev.ToIUnknown()
	if unk == nil {
		return fmt.Errorf("_NewEnum is a variant of type %d", ev.VT)
	}
	enum, err := unk.IEnumVARIANT(ole.IID_IEnumVariant)
	if err != nil {
		return fmt.Errorf("IEnumVARIANT: %w", err)
	}
	defer enum.Release()
	for {
		item, n, err := enum.Next(1)
		if n == 0 {
			// S_FALSE with nothing returned is the normal end.
			if err != nil && wmiCode(err) != hrSFalse {
				return err
			}
			return nil
		}
		ferr := f(&item)
		item.Clear()
		if ferr != nil {
			return ferr
		}
	}
}

// wmiCode extracts the HRESULT of a COM error. An IDispatch call that fails
// inside WMI reports DISP_E_EXCEPTION and carries WMI's own code in the
// EXCEPINFO.
func wmiCode(err error) uint32 {
	var oe *ole.OleError
	if !errors.As(err, &oe) {
		return 0
	}
	if ei, ok := oe.SubError().(ole.EXCEPINFO); ok && ei.SCODE() != 0 {
		return ei.SCODE()
	}
	return uint32(oe.Code())
}

func wmiError(namespace, query string, err error) error {
	code := wmiCode(err)
	if what, ok := wmiAbsentCodes[code]; ok {
		return fmt.Errorf("wmi %s %q: %s (0x%08X): %w", namespace, query, what, code, ErrNoData)
	}
	if code != 0 {
		return fmt.Errorf("wmi %s %q: 0x%08X: %w", namespace, query, code, err)
	}
	return fmt.Errorf("wmi %s %q: %w", namespace, query, err)
}
