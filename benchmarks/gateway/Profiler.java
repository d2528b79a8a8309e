import com.sun.tools.attach.VirtualMachine;

/**
 * Loads async-profiler into a running JVM and hands it one command, as its own launcher
 * would (jcmd's JVMTI.agent_load cannot pass the comma-separated options intact).
 * Run: java Profiler.java PID LIBRARY COMMAND, e.g. "start,event=cpu" or
 * "stop,file=profile.html".
 */
public class Profiler {

	public static void main(String[] args) throws Exception {
		VirtualMachine jvm = VirtualMachine.attach(args[0]);
		try {
			jvm.loadAgentPath(args[1], args[2]);
		}
		finally {
			jvm.detach();
		}
	}

}
