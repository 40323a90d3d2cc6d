// Run in the page by the history specs: see every IndexedDB put (its object store and the value,
// before it is cloned), or make one throw by throwing from `onPut`. Returns the undo.
export function watchPuts(onPut: (store: string, value: unknown) => void): () => void {
  const put = IDBObjectStore.prototype.put
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    onPut(this.name, args[0])
    return put.apply(this, args)
  }
  return () => {
    IDBObjectStore.prototype.put = put
  }
}
