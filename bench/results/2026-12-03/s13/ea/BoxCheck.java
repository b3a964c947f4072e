import java.util.*;
public class BoxCheck {
    static final class A extends AbstractMap<Integer,Object> {
        Object[] t = new Object[4096];
        public Object get(Object k) { int i = (Integer) k; return i >= 0 && i < t.length ? t[i] : null; }
        public Set<Map.Entry<Integer,Object>> entrySet() { return Set.of(); }
    }
    static final class B extends AbstractMap<Integer,Object> {
        Object[] t = new Object[4096];
        public Object get(Object k) { return t[((Integer) k).intValue() & 4095]; }
        public Set<Map.Entry<Integer,Object>> entrySet() { return Set.of(); }
    }
    static final class C extends AbstractMap<Integer,Object> {
        Object[] t = new Object[4096];
        public Object get(Object k) { return t[7]; }
        public Set<Map.Entry<Integer,Object>> entrySet() { return Set.of(); }
    }
    static Map<Integer,Object> m;
    static int look(int n) { int c = 0; for (int fd = 0; fd < 2 * n; fd++) { if (m.get(fd) != null) c++; } return c; }
    public static void main(String[] a) {
        m = a[0].equals("A") ? new A() : a[0].equals("B") ? new B() : new C();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int s = 0;
        for (int r = 0; r < 8; r++) { long b0 = mx.getCurrentThreadAllocatedBytes(); for (int i = 0; i < 20000; i++) s += look(200); long b1 = mx.getCurrentThreadAllocatedBytes(); if (r == 7) System.out.printf("%s %.2f B per get %d%n", a[0], (b1-b0)/(20000.0*200), s); }
    }
}
