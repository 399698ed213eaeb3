/** The producer side of the job system (pg-boss in every mode). Handlers live in jobs/definitions. */
export type SendJobOptions = {
  /** Only one queued job per key (stately queues): repeated triggers collapse into one run. */
  singletonKey?: string;
  startAfter?: Date | number;
};

export type JobQueue = {
  send: (name: string, data: Record<string, unknown>, options?: SendJobOptions) => Promise<void>;
};

/** A queue that records what was sent; for tests that drive the worker functions themselves. */
export const createRecordingQueue = (): JobQueue & {
  sent: { name: string; data: Record<string, unknown>; options?: SendJobOptions }[];
} => {
  const sent: { name: string; data: Record<string, unknown>; options?: SendJobOptions }[] = [];
  return {
    sent,
    send: async (name, data, options) => {
      sent.push({ name, data, options });
    },
  };
};
