package collect

import (
	"context"
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	modNetapi32                 = windows.NewLazySystemDLL("netapi32.dll")
	procNetLocalGroupEnum       = modNetapi32.NewProc("NetLocalGroupEnum")
	procNetLocalGroupGetMembers = modNetapi32.NewProc("NetLocalGroupGetMembers")
)

const (
	filterNormalAccount = 0x0002
	maxPreferredLength  = 0xFFFFFFFF
)

func init() { winAccountsSource = netLocalAccounts }

// userInfo23 is USER_INFO_23.
type userInfo23 struct {
	Name, FullName, Comment *uint16
	Flags                   uint32
	SID                     *windows.SID
}

// userInfo20 is USER_INFO_20.
type userInfo20 struct {
	Name, FullName, Comment *uint16
	Flags, UserID           uint32
}

// localGroupInfo1 is LOCALGROUP_INFO_1.
type localGroupInfo1 struct{ Name, Comment *uint16 }

// localGroupMembersInfo3 is LOCALGROUP_MEMBERS_INFO_3.
type localGroupMembersInfo3 struct{ DomainAndName *uint16 }

// netLocalAccounts reads the local SAM through netapi32.
func netLocalAccounts(ctx context.Context) (*winAccounts, error) {
	users, err := netUsers()
	if err != nil {
		return nil, fmt.Errorf("enumerate local users: %w", err)
	}
	groups, err := netGroups(ctx)
	if err != nil {
		return nil, fmt.Errorf("enumerate local groups: %w", err)
	}
	return &winAccounts{Users: users, Groups: groups}, nil
}

// netUsers lists local accounts with level 23, which carries each SID.
// Implementations without level 23 (Wine) get level 20 and a SID lookup
// by name, which stays on the local SAM for local accounts.
func netUsers() ([]winAccount, error) {
	out, err := netUserEnum(23)
	if errors.Is(err, windows.ERROR_INVALID_LEVEL) {
		out, err = netUserEnum(20)
		for i := range out {
			if sid, _, _, err := windows.LookupSID("", out[i].Name); err == nil {
				out[i].SID = sid.String()
			}
		}
	}
	return out, err
}

func netUserEnum(level uint32) ([]winAccount, error) {
	var out []winAccount
	var resume uint32
	for {
		var buf *byte
		var read, total uint32
		err := windows.NetUserEnum(nil, level, filterNormalAccount, &buf, maxPreferredLength, &read, &total, &resume)
		if buf != nil {
			out = append(out, userInfos(level, buf, read)...)
			windows.NetApiBufferFree(buf)
		}
		if errors.Is(err, windows.ERROR_MORE_DATA) {
			continue
		}
		return out, err
	}
}

// userInfos copies a USER_INFO_23 or USER_INFO_20 array out of the
// netapi32 buffer.
func userInfos(level uint32, buf *byte, n uint32) []winAccount {
	out := make([]winAccount, 0, n)
	if level == 20 {
		for _, u := range unsafe.Slice((*userInfo20)(unsafe.Pointer(buf)), n) {
			out = append(out, winAccount{
				Name:     windows.UTF16PtrToString(u.Name),
				FullName: windows.UTF16PtrToString(u.FullName),
				Comment:  windows.UTF16PtrToString(u.Comment),
				Flags:    u.Flags,
			})
		}
		return out
	}
	for _, u := range unsafe.Slice((*userInfo23)(unsafe.Pointer(buf)), n) {
		a := winAccount{
			Name:     windows.UTF16PtrToString(u.Name),
			FullName: windows.UTF16PtrToString(u.FullName),
			Comment:  windows.UTF16PtrToString(u.Comment),
			Flags:    u.Flags,
		}
		if u.SID != nil {
			a.SID = u.SID.String()
		}
		out = append(out, a)
	}
	return out
}

func netGroups(ctx context.Context) ([]winGroup, error) {
	var out []winGroup
	var resume uintptr
	for {
		var buf *byte
		var read, total uint32
		rc, _, _ := procNetLocalGroupEnum.Call(0, 1, uintptr(unsafe.Pointer(&buf)), maxPreferredLength,
			uintptr(unsafe.Pointer(&read)), uintptr(unsafe.Pointer(&total)), uintptr(unsafe.Pointer(&resume)))
		if buf != nil {
			for _, g := range unsafe.Slice((*localGroupInfo1)(unsafe.Pointer(buf)), read) {
				out = append(out, winGroup{
					Name:    windows.UTF16PtrToString(g.Name),
					Comment: windows.UTF16PtrToString(g.Comment),
				})
			}
			windows.NetApiBufferFree(buf)
		}
		if rc == uintptr(windows.ERROR_MORE_DATA) {
			continue
		}
		if rc != 0 {
			return out, windows.Errno(rc)
		}
		break
	}
	for i := range out {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		if sid, _, _, err := windows.LookupSID("", out[i].Name); err == nil {
			out[i].SID = sid.String()
		}
		// A group whose members cannot be read (a domain member no DC
		// resolves) still counts; its members stay empty.
		out[i].Members, _ = netGroupMembers(out[i].Name)
	}
	return out, nil
}

func netGroupMembers(group string) ([]string, error) {
	name, err := windows.UTF16PtrFromString(group)
	if err != nil {
		return nil, err
	}
	var out []string
	var resume uintptr
	for {
		var buf *byte
		var read, total uint32
		rc, _, _ := procNetLocalGroupGetMembers.Call(0, uintptr(unsafe.Pointer(name)), 3,
			uintptr(unsafe.Pointer(&buf)), maxPreferredLength,
			uintptr(unsafe.Pointer(&read)), uintptr(unsafe.Pointer(&total)), uintptr(unsafe.Pointer(&resume)))
		if buf != nil {
			for _, m := range unsafe.Slice((*localGroupMembersInfo3)(unsafe.Pointer(buf)), read) {
				out = append(out, windows.UTF16PtrToString(m.DomainAndName))
			}
			windows.NetApiBufferFree(buf)
		}
		if rc == uintptr(windows.ERROR_MORE_DATA) {
			continue
		}
		if rc != 0 {
			return out, windows.Errno(rc)
		}
		return out, nil
	}
}
