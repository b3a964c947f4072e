import java.lang.management.*;
import java.lang.reflect.Field;
import java.net.*;
import java.nio.*;
import java.nio.channels.*;
import java.util.*;
public class Probe {
    public static void main(String[] a) throws Exception {
        boolean patch = a.length > 0 && a[0].equals("table");
        Selector sel = Selector.open();
        if (patch) {
            Field uf = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe"); uf.setAccessible(true);
            sun.misc.Unsafe u = (sun.misc.Unsafe) uf.get(null);
            Class<?> c = Class.forName("sun.nio.ch.EPollSelectorImpl");
            long off = u.objectFieldOffset(c.getDeclaredField("fdToKey"));
            FdKeyTable t = new FdKeyTable();
            t.putAll((Map<Integer,Object>) u.getObject(sel, off));
            u.putObjectVolatile(sel, off, t);
        }
        ServerSocketChannel ss = ServerSocketChannel.open(); ss.bind(new InetSocketAddress("127.0.0.1", 0));
        List<SocketChannel> clients = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            SocketChannel c = SocketChannel.open(ss.getLocalAddress()); clients.add(c);
            SocketChannel s = ss.accept(); s.configureBlocking(false); s.register(sel, SelectionKey.OP_READ);
            c.write(ByteBuffer.wrap(new byte[]{1}));
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int round = 0; round < 10; round++) {
            long b0 = mx.getThreadAllocatedBytes(tid); long n = 0;
            for (int i = 0; i < 5000; i++) { n += sel.selectNow(); sel.selectedKeys().clear(); }
            long b1 = mx.getThreadAllocatedBytes(tid);
            System.out.printf("%s round %d: %d ready/pass, %.1f B/pass%n", patch ? "table" : "jdk", round, n / 5000, (b1 - b0) / 5000.0);
        }
    }
}
