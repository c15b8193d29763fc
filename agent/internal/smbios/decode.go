package smbios

import "errors"

// ErrEmpty is returned by Decode when the table holds no structure.
var ErrEmpty = errors.New("smbios: empty table")

// Info is the decoded table: the structures an inventory needs. Pointer
// fields are nil when the firmware does not provide the structure.
type Info struct {
	Version       Version
	BIOS          *BIOS
	System        *System
	Baseboard     *Baseboard
	Chassis       *Chassis
	Processors    []Processor
	MemoryArrays  []MemoryArray
	MemoryDevices []MemoryDevice
}

// Decode parses a raw table of the given SMBIOS version. The version
// matters for the UUID byte order. A table cut short still gives what it
// holds, with the error.
func Decode(table []byte, v Version) (*Info, error) {
	structs, err := ParseTable(table)
	if len(structs) == 0 {
		if err == nil {
			err = ErrEmpty
		}
		return nil, err
	}
	info := &Info{Version: v}
	for i := range structs {
		s := &structs[i]
		switch s.Type {
		case 0:
			if info.BIOS == nil {
				info.BIOS = decodeBIOS(s)
			}
		case 1:
			if info.System == nil {
				info.System = decodeSystem(s, v)
			}
		case 2:
			if info.Baseboard == nil {
				info.Baseboard = decodeBaseboard(s)
			}
		case 3:
			if info.Chassis == nil {
				info.Chassis = decodeChassis(s)
			}
		case 4:
			info.Processors = append(info.Processors, decodeProcessor(s))
		case 16:
			info.MemoryArrays = append(info.MemoryArrays, decodeMemoryArray(s))
		case 17:
			info.MemoryDevices = append(info.MemoryDevices, decodeMemoryDevice(s))
		}
	}
	return info, err
}

// Array returns the memory array with the given handle, or nil.
func (i *Info) Array(handle uint16) *MemoryArray {
	for k := range i.MemoryArrays {
		if i.MemoryArrays[k].Handle == handle {
			return &i.MemoryArrays[k]
		}
	}
	return nil
}
