#!/usr/bin/env python3
"""Where a heap dump's primitive arrays are: bytes and count per (array type, the field that holds it).

usage: bench/heap-arrays.py DUMP.hprof [N]

Take the dump with `jcmd PID GC.heap_dump /tmp/h.hprof` (live objects only: it runs a full
collection first). Prints the N (default 40) largest groups, e.g.

    7.22 MB      17 byte <- org/jetraiders/engine/journal/ByteQueue.buffer

then, for arrays held by a buffer class (ByteBuffer, EncodedBuffer, ...), the field or array that holds
that buffer, and for arrays of EncodedBuffer (an output-ring slot's encoders) the bytes per encoder
index. An array held by several fields is counted under the first one met. Pure Python, reads the
whole file into memory (a 60 MB dump takes about two seconds).
"""
import collections
import struct
import sys

SIZES = {4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
NAMES = {4: 'boolean', 5: 'char', 6: 'float', 7: 'double', 8: 'byte', 9: 'short', 10: 'int', 11: 'long'}
BUFFERS = ('java/nio/HeapByteBuffer', 'org/jetraiders/engine/EncodedBuffer',
           'org/jetraiders/server/protocol/binary/BinaryWriter', 'org/jetraiders/engine/journal/ByteWriter')


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    f = open(path, 'rb').read()
    p = f.index(b'\0') + 1
    idsz = struct.unpack('>I', f[p:p + 4])[0]
    p += 12
    ts = dict(SIZES)
    ts[2] = idsz

    def rid(o):
        return int.from_bytes(f[o:o + idsz], 'big')

    strings, cls_name, cls_info = {}, {}, {}
    prims, inst, objarr = {}, {}, {}
    while p < len(f):
        tag = f[p]
        ln = struct.unpack('>I', f[p + 5:p + 9])[0]
        body = p + 9
        p = body + ln
        if tag == 1:
            strings[rid(body)] = f[body + idsz:body + ln].decode('utf8', 'replace')
        elif tag == 2:
            cls_name[rid(body + 4)] = strings.get(rid(body + 8 + idsz), '?')
        elif tag in (0x0c, 0x1c):
            q = body
            while q < body + ln:
                st = f[q]
                q += 1
                if st == 0xff:
                    q += idsz
                elif st == 1:
                    q += 2 * idsz
                elif st in (2, 3, 8):
                    q += idsz + 8
                elif st in (4, 6):
                    q += idsz + 4
                elif st in (5, 7):
                    q += idsz
                elif st == 0x20:
                    cid, sup = rid(q), rid(q + idsz + 4)
                    q += 7 * idsz + 8
                    n = struct.unpack('>H', f[q:q + 2])[0]
                    q += 2
                    for _ in range(n):
                        q += 3 + ts[f[q + 2]]
                    n = struct.unpack('>H', f[q:q + 2])[0]
                    q += 2
                    for _ in range(n):
                        q += idsz + 1 + ts[f[q + idsz]]
                    n = struct.unpack('>H', f[q:q + 2])[0]
                    q += 2
                    fields = []
                    for _ in range(n):
                        fields.append((strings.get(rid(q), '?'), f[q + idsz]))
                        q += idsz + 1
                    cls_info[cid] = (sup, fields)
                elif st == 0x21:
                    oid, cid = rid(q), rid(q + idsz + 4)
                    n = struct.unpack('>I', f[q + 2 * idsz + 4:q + 2 * idsz + 8])[0]
                    inst[oid] = (cid, q + 2 * idsz + 8)
                    q += 2 * idsz + 8 + n
                elif st == 0x22:
                    oid = rid(q)
                    n = struct.unpack('>I', f[q + idsz + 4:q + idsz + 8])[0]
                    cid = rid(q + idsz + 8)
                    q2 = q + 2 * idsz + 8
                    objarr[oid] = (cid, [rid(q2 + i * idsz) for i in range(n)])
                    q = q2 + n * idsz
                elif st == 0x23:
                    oid = rid(q)
                    n = struct.unpack('>I', f[q + idsz + 4:q + idsz + 8])[0]
                    t = f[q + idsz + 8]
                    prims[oid] = (t, n * ts[t])
                    q += idsz + 9 + n * ts[t]
                else:
                    raise ValueError('unknown heap dump sub-record 0x%x' % st)

    all_fields = {}

    def fields_of(cid):
        if cid not in all_fields:
            out, c = [], cid
            while c in cls_info:
                sup, fl = cls_info[c]
                out += fl
                c = sup
            all_fields[cid] = out
        return all_fields[cid]

    holder, owner, obj_holder = {}, {}, {}
    for oid, (cid, off) in inst.items():
        q = off
        for name, t in fields_of(cid):
            if t == 2:
                r = rid(q)
                label = cls_name.get(cid, '?') + '.' + name
                if r in prims:
                    holder.setdefault(r, label)
                    owner.setdefault(r, oid)
                elif r in inst:
                    obj_holder.setdefault(r, label)
            q += ts[t]
    for oid, (cid, ids) in objarr.items():
        for r in ids:
            if r in prims:
                holder.setdefault(r, cls_name.get(cid, '?') + '[]')
            elif r in inst:
                obj_holder.setdefault(r, cls_name.get(cid, '?') + '[]')

    size, count = collections.Counter(), collections.Counter()
    for oid, (t, b) in prims.items():
        k = NAMES[t] + ' <- ' + holder.get(oid, '?')
        size[k] += b
        count[k] += 1
    print('total in primitive arrays: %.1f MB in %d arrays' % (sum(b for _, b in prims.values()) / 1e6, len(prims)))
    for k, v in size.most_common(top):
        print('%8.2f MB %7d %s' % (v / 1e6, count[k], k))

    size2, count2 = collections.Counter(), collections.Counter()
    for oid, (t, b) in prims.items():
        o = owner.get(oid)
        if o is not None and cls_name.get(inst[o][0]) in BUFFERS:
            k = cls_name[inst[o][0]].split('/')[-1] + ' <- ' + obj_holder.get(o, '?')
            size2[k] += b
            count2[k] += 1
    print('-- arrays of buffer objects, by what holds the buffer')
    for k, v in size2.most_common(15):
        print('%8.2f MB %7d %s' % (v / 1e6, count2[k], k))

    per_index, per_index_n = collections.Counter(), collections.Counter()
    for oid, (cid, ids) in objarr.items():
        if cls_name.get(cid, '').endswith('EncodedBuffer;'):
            for i, e in enumerate(ids):
                if e in inst:
                    q = inst[e][1]
                    for name, t in fields_of(inst[e][0]):
                        if name == 'bytes' and rid(q) in prims:
                            per_index[i] += prims[rid(q)][1]
                            per_index_n[i] += 1
                        q += ts[t]
    if per_index:
        print('-- output-ring slots: bytes per encoder index')
        for i in sorted(per_index):
            print('%8.2f MB %7d encoder %d' % (per_index[i] / 1e6, per_index_n[i], i))


if __name__ == '__main__':
    main()
