import java.util.HashMap;
import java.util.Arrays;
final class FdKeyTable extends HashMap<Integer, Object> {
    private Object[] byFd = new Object[1024];
    @Override public Object get(Object key) {
        if (key instanceof Integer) {
            int fd = (Integer) key;
            Object[] table = byFd;
            return fd >= 0 && fd < table.length ? table[fd] : null;
        }
        return null;
    }
    @Override public Object put(Integer key, Object value) { set(key, value); return super.put(key, value); }
    @Override public Object putIfAbsent(Integer key, Object value) {
        Object previous = super.putIfAbsent(key, value);
        if (previous == null) set(key, value);
        return previous;
    }
    @Override public Object remove(Object key) { Object r = super.remove(key); if (r != null) set((Integer) key, null); return r; }
    @Override public boolean remove(Object key, Object value) { boolean r = super.remove(key, value); if (r) set((Integer) key, null); return r; }
    @Override public void clear() { super.clear(); Arrays.fill(byFd, null); }
    private void set(int fd, Object v) {
        if (fd < 0) return;
        if (fd >= byFd.length) byFd = Arrays.copyOf(byFd, Math.max(fd + 1, byFd.length * 2));
        byFd[fd] = v;
    }
}
